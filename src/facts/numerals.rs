//! Dates written in Chinese numerals (`二〇〇五年七月五日`) or in the years of the Republic
//! of China (`民國94年7月3日`), rewritten in the digits the date patterns read.
//!
//! Takes a line and returns it rewritten, or None when it holds no such date. Reading the
//! date is `date`'s.

use crate::norm::fold_width;

/// Whether four Chinese numeral digits stand before a `年`.
pub(super) fn has_numeral_year(line: &str) -> bool {
    if !line.contains('年') {
        return false;
    }
    let mut run = 0;
    for c in line.chars() {
        if c == '年' && run >= 4 {
            return true;
        }
        run = if numeral_digit(c).is_some() { run + 1 } else { 0 };
    }
    false
}

/// The line with each year of the Republic of China (`民國94年`, `民国九十四年`) written as
/// its year of the Common Era in Chinese numerals (`二〇〇五年`), or None when it has none.
pub(super) fn common_era_years(line: &str) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let (mut i, mut changed) = (0, false);
    while i < chars.len() {
        let era = matches!(chars.get(i..i + 2), Some(['民', '國' | '国']));
        let len = era.then(|| chars.iter().skip(i + 2).take(4).position(|&c| c == '年')).flatten();
        let year = len.and_then(|len| {
            let digits: String = chars[i + 2..i + 2 + len].iter().map(|&c| fold_width(c)).collect();
            let short = (1..=3).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
            if short {
                digits.parse().ok()
            } else {
                numeral_number(&chars[i + 2..i + 2 + len])
            }
        });
        match (len, year) {
            (Some(len), Some(year @ 1..=200)) => {
                const NUMERALS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
                out.extend((year + 1911).to_string().bytes().map(|d| NUMERALS[usize::from(d - b'0')]));
                out.push('年');
                i += 2 + len + 1;
                changed = true;
            }
            _ => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    changed.then_some(out)
}

/// The value of a Chinese numeral digit (`〇` to `九`).
pub(super) fn numeral_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A month or day in Chinese numerals: `七`, `十`, `十二`, `二十五`, `三十一`.
pub(super) fn numeral_number(s: &[char]) -> Option<u32> {
    match s {
        [d] if *d != '十' => numeral_digit(*d),
        ['十'] => Some(10),
        ['十', u] => Some(10 + numeral_digit(*u)?),
        [t, '十'] => Some(numeral_digit(*t)? * 10),
        [t, '十', u] => Some(numeral_digit(*t)? * 10 + numeral_digit(*u)?),
        _ => None,
    }
}

/// The line with every year of four Chinese numerals (and the month and day after it)
/// in digits, or None when it has no such year.
pub(super) fn digit_dates(line: &str) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let (mut i, mut changed) = (0, false);
    while i < chars.len() {
        let year: Option<Vec<u32>> = chars.get(i..i + 4).and_then(|s| s.iter().map(|&c| numeral_digit(c)).collect());
        let (Some(year), Some('年')) = (year, chars.get(i + 4)) else {
            out.push(chars[i]);
            i += 1;
            continue;
        };
        out.extend(year.iter().map(|d| char::from_digit(*d, 10).unwrap_or('0')));
        out.push('年');
        i += 5;
        changed = true;
        // The month and the day, each up to its character.
        for unit in ['月', '日'] {
            let Some(len) = chars[i..].iter().take(4).position(|&c| c == unit) else { break };
            let Some(n) = numeral_number(&chars[i..i + len]) else { break };
            out.push_str(&n.to_string());
            out.push(unit);
            i += len + 1;
        }
    }
    changed.then_some(out)
}
