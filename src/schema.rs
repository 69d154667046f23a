//! The JSON Schema (draft 2020-12) of what `newsclean clean` writes: a record or an
//! error record per line. `newsclean schema` prints it; the tests validate every
//! expected record in `fixtures/` and the output of JSON Lines runs against it.
//! `additionalProperties` is false everywhere, so a field added to the record without
//! a line here fails the tests.

pub const SCHEMA: &str = r##"{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://newsclean.invalid/record.schema.json",
  "title": "newsclean output line",
  "description": "One line of newsclean output: the record of a cleaned page, or an error record.",
  "oneOf": [{ "$ref": "#/$defs/record" }, { "$ref": "#/$defs/error" }],
  "$defs": {
    "text": { "type": "string" },
    "nullableText": { "type": ["string", "null"] },
    "record": {
      "type": "object",
      "additionalProperties": false,
      "required": ["id", "source", "format", "encoding", "language", "title", "lead", "published", "author", "site",
                   "url", "duplicate_of", "similarity", "body", "images", "tags", "removed", "stats"],
      "properties": {
        "id": { "$ref": "#/$defs/text", "description": "the file stem, or the id the input gave (a WARC record's WARC-Record-ID)" },
        "source": { "$ref": "#/$defs/text", "description": "the path as given; - for stdin; for JSON Lines input the record's source or id, else FILE:LINE; for a WARC record FILE#OFFSET" },
        "format": { "enum": ["text", "html"] },
        "encoding": { "$ref": "#/$defs/text", "description": "WHATWG name of the encoding used" },
        "language": { "type": "string", "description": "zh, ja, ko, en, und, or the page's own lang attribute" },
        "title": { "$ref": "#/$defs/nullableText" },
        "lead": { "$ref": "#/$defs/nullableText", "description": "the article's own teaser, kept once" },
        "published": {
          "type": ["string", "null"],
          "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$",
          "description": "ISO 8601 date or date-time the page states"
        },
        "author": { "$ref": "#/$defs/nullableText" },
        "site": { "$ref": "#/$defs/nullableText" },
        "url": { "$ref": "#/$defs/nullableText" },
        "duplicate_of": { "$ref": "#/$defs/nullableText", "description": "source of an earlier near-duplicate page" },
        "similarity": { "type": ["number", "null"], "minimum": 0, "maximum": 1 },
        "body": { "type": "array", "items": { "type": "string", "minLength": 1 } },
        "images": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": ["line", "text", "src"],
            "properties": {
              "line": { "type": "integer", "minimum": 1 },
              "text": { "type": "string" },
              "src": { "$ref": "#/$defs/nullableText" }
            }
          }
        },
        "tags": { "type": "array", "items": { "type": "string", "minLength": 1 } },
        "removed": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": ["line", "text", "rule", "reason"],
            "properties": {
              "line": { "type": "integer", "minimum": 1 },
              "text": { "type": "string", "minLength": 1 },
              "rule": { "type": "string", "pattern": "^[A-Z][0-9]{3}$", "description": "newsclean explain CODE" },
              "reason": { "type": "string", "minLength": 1 }
            }
          }
        },
        "stats": {
          "type": "object",
          "additionalProperties": false,
          "required": ["blocks", "tag_lines", "body_blocks", "removed", "chars_in", "chars_body", "replacements",
                       "flattened_tags"],
          "properties": {
            "blocks": { "type": "integer", "minimum": 0 },
            "tag_lines": { "type": "integer", "minimum": 0 },
            "body_blocks": { "type": "integer", "minimum": 0 },
            "removed": { "type": "integer", "minimum": 0 },
            "chars_in": { "type": "integer", "minimum": 0 },
            "chars_body": { "type": "integer", "minimum": 0 },
            "replacements": { "type": "integer", "minimum": 0 },
            "flattened_tags": { "type": "integer", "minimum": 0 }
          }
        }
      }
    },
    "error": {
      "type": "object",
      "additionalProperties": false,
      "required": ["id", "source", "error"],
      "properties": {
        "id": { "$ref": "#/$defs/text" },
        "source": { "$ref": "#/$defs/text" },
        "error": { "type": "string", "minLength": 1, "description": "stage: cause, e.g. decode: empty input" }
      }
    }
  }
}
"##;
