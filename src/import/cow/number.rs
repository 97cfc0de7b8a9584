//! Numbers in COW's cells, and values as messages show them.

/// What a cell holds, as a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Number {
    /// A whole number (`710`, `-9`, `+3`).
    Whole(i64),
    /// A number with a fraction or an exponent (`710.0`, `7.1e2`,
    /// `710.5`), with its value when that is whole.
    Fraction(Option<i64>),
    /// No number (`abc`, ``, `inf`).
    Not,
}

/// The number a cell holds. `710.0` is never read as 710: a whole number
/// is written whole, so that nothing is read other than it was meant.
pub(crate) fn number(text: &str) -> Number {
    if let Ok(n) = text.parse::<i64>() {
        return Number::Whole(n);
    }
    // Only digits, signs, a point and an exponent: `inf` and `nan` are
    // words, not numbers, to a researcher.
    let numeric = text.bytes().any(|b| b.is_ascii_digit())
        && text.bytes().all(|b| b"0123456789+-.eE".contains(&b));
    match text.parse::<f64>() {
        Ok(f) if numeric && f.is_finite() => {
            let whole =
                (f.fract() == 0.0 && f.abs() < 1e15).then_some(f as i64);
            Number::Fraction(whole)
        }
        _ => Number::Not,
    }
}

/// The most characters of a value a message shows.
const SHOWN_CHARS: usize = 40;

/// A value as a message shows it: its first characters, with any that is
/// not printable escaped, and how long it is when it is cut.
pub(crate) fn shown(value: &str) -> String {
    let mut chars = value.chars();
    let head: String = chars.by_ref().take(SHOWN_CHARS).collect();
    let head = crate::error::shown(&head);
    if chars.next().is_none() {
        head
    } else {
        format!("{head}... ({} bytes)", value.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_and_others() {
        assert_eq!(number("710"), Number::Whole(710));
        assert_eq!(number("+3"), Number::Whole(3));
        assert_eq!(number("-9"), Number::Whole(-9));
        assert_eq!(number("710.0"), Number::Fraction(Some(710)));
        assert_eq!(number("7.1e2"), Number::Fraction(Some(710)));
        assert_eq!(number("710.5"), Number::Fraction(None));
        assert_eq!(number("1e300"), Number::Fraction(None));
        for not in ["", "abc", "inf", "NaN", "-", ".", "1,0", "0x10"] {
            assert_eq!(number(not), Number::Not, "{not}");
        }
    }

    #[test]
    fn long_values_are_cut() {
        assert_eq!(shown("sco"), "sco");
        let long = "x".repeat(100);
        assert_eq!(shown(&long), format!("{}... (100 bytes)", "x".repeat(40)));
        assert_eq!(shown("a\u{0}b"), "a\\u{0}b");
    }
}
