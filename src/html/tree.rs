//! Highlights over a text as well-formed HTML: a span inside another becomes a nested
//! element, and a span that partly overlaps another is split where the other ends, so every
//! element closes inside its parent.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::escape_into;

/// How deep highlights may nest. Real facts nest three or four deep at most; the cap keeps the
/// number of split pieces linear in the number of spans whatever document is given.
pub(crate) const MAX_DEPTH: usize = 12;

/// One highlight to draw.
pub(crate) struct Mark {
    /// Byte range in the text, on char boundaries (checked by the caller).
    pub start: usize,
    pub end: usize,
    /// Which of two marks with the same range is the outer one (lower is outer).
    pub rank: u8,
    /// The escaped attributes of the element, each with a leading space, without `id`.
    pub attrs: String,
    /// The `id` of its first piece, if it is linked to.
    pub anchor: Option<String>,
}

/// What [`render`] drew.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Drawn {
    /// Elements written (a split mark counts once per piece).
    pub elements: usize,
    /// Marks split because they partly overlap another.
    pub split: usize,
    /// Pieces left out because they would nest deeper than [`MAX_DEPTH`].
    pub dropped: usize,
}

/// A piece of a mark waiting to be drawn: ordered by start, then longest first, then rank,
/// then input order, so the outer element always comes first.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Piece {
    start: usize,
    longer_first: Reverse<usize>,
    rank: u8,
    index: usize,
    first: bool,
}

/// Writes `text` escaped into `out` with every mark as a `<mark>` element.
pub(crate) fn render(text: &str, marks: &[Mark], out: &mut String) -> Drawn {
    let mut queue: BinaryHeap<Reverse<Piece>> = marks
        .iter()
        .enumerate()
        .filter(|(_, mark)| mark.start < mark.end && mark.end <= text.len())
        .map(|(index, mark)| {
            Reverse(Piece {
                start: mark.start,
                longer_first: Reverse(mark.end),
                rank: mark.rank,
                index,
                first: true,
            })
        })
        .collect();
    let mut drawn = Drawn::default();
    // The ends of the open elements, innermost last.
    let mut open: Vec<usize> = Vec::new();
    let mut pos = 0;
    let mut split_marks = vec![false; marks.len()];
    while let Some(Reverse(piece)) = queue.pop() {
        let Some(mark) = marks.get(piece.index) else {
            continue;
        };
        while let Some(&end) = open.last() {
            if end > piece.start {
                break;
            }
            text_between(text, pos, end, out);
            out.push_str("</mark>");
            pos = end;
            open.pop();
        }
        if open.len() >= MAX_DEPTH {
            drawn.dropped += 1;
            continue;
        }
        text_between(text, pos, piece.start, out);
        pos = piece.start;
        let mut end = piece.longer_first.0;
        if let Some(&parent_end) = open.last()
            && end > parent_end
        {
            // Partly inside its parent: this piece stops where the parent does, the rest is
            // drawn later as a continuation.
            queue.push(Reverse(Piece {
                start: parent_end,
                longer_first: Reverse(end),
                rank: piece.rank,
                index: piece.index,
                first: false,
            }));
            if let Some(flag) = split_marks.get_mut(piece.index)
                && !*flag
            {
                *flag = true;
                drawn.split += 1;
            }
            end = parent_end;
        }
        out.push_str("<mark");
        match (&mark.anchor, piece.first) {
            (Some(anchor), true) => {
                out.push_str(" id=\"");
                escape_into(out, anchor);
                out.push('"');
            }
            (_, false) => out.push_str(" data-cont=\"\""),
            (None, true) => {}
        }
        out.push_str(&mark.attrs);
        out.push('>');
        open.push(end);
        drawn.elements += 1;
    }
    while let Some(end) = open.pop() {
        text_between(text, pos, end, out);
        out.push_str("</mark>");
        pos = end;
    }
    text_between(text, pos, text.len(), out);
    drawn
}

fn text_between(text: &str, from: usize, to: usize, out: &mut String) {
    if let Some(slice) = text.get(from..to) {
        escape_into(out, slice);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, name: &str) -> Mark {
        Mark {
            start,
            end,
            rank: 0,
            attrs: format!(" class=\"{name}\""),
            anchor: None,
        }
    }

    fn draw(text: &str, marks: &[Mark]) -> (String, Drawn) {
        let mut out = String::new();
        let drawn = render(text, marks, &mut out);
        (out, drawn)
    }

    #[test]
    fn nesting_touching_and_overlap() {
        let c = |s: &str| s.replace("<mark data-cont=\"\"", "<mark+");
        for (marks, expected) in [
            (vec![], "abcdefgh"),
            (
                vec![mark(0, 8, "s"), mark(2, 4, "n")],
                r#"<mark class="s">ab<mark class="n">cd</mark>efgh</mark>"#,
            ),
            (
                vec![mark(2, 4, "n"), mark(0, 8, "s")],
                r#"<mark class="s">ab<mark class="n">cd</mark>efgh</mark>"#,
            ),
            (
                vec![mark(0, 2, "a"), mark(2, 4, "b")],
                r#"<mark class="a">ab</mark><mark class="b">cd</mark>efgh"#,
            ),
            (
                vec![mark(0, 4, "a"), mark(2, 6, "b")],
                r#"<mark class="a">ab<mark class="b">cd</mark></mark><mark+ class="b">ef</mark>gh"#,
            ),
            (
                vec![mark(0, 4, "a"), mark(0, 4, "b")],
                r#"<mark class="a"><mark class="b">abcd</mark></mark>efgh"#,
            ),
            (
                vec![
                    mark(0, 8, "s"),
                    mark(1, 3, "a"),
                    mark(2, 5, "b"),
                    mark(5, 8, "c"),
                ],
                r#"<mark class="s">a<mark class="a">b<mark class="b">c</mark></mark><mark+ class="b">de</mark><mark class="c">fgh</mark></mark>"#,
            ),
            (
                vec![mark(3, 3, "empty"), mark(6, 99, "outside")],
                "abcdefgh",
            ),
        ] {
            let (out, _) = draw("abcdefgh", &marks);
            assert_eq!(c(&out), expected);
        }
    }

    #[test]
    fn a_staircase_of_overlaps_stays_well_formed_and_bounded() {
        let text = "x".repeat(400);
        let marks: Vec<Mark> = (0..200).map(|i| mark(i, i + 200, "m")).collect();
        let (out, drawn) = draw(&text, &marks);
        assert_eq!(out.matches("<mark").count(), out.matches("</mark>").count());
        assert_eq!(out.matches("<mark").count(), drawn.elements);
        assert!(drawn.elements <= marks.len() * (MAX_DEPTH + 1));
        let mut inside_tag = false;
        let shown: String = out
            .chars()
            .filter(|&c| {
                let keep = !inside_tag && c != '<';
                inside_tag = (inside_tag || c == '<') && c != '>';
                keep
            })
            .filter(|&c| c != '>')
            .collect();
        assert_eq!(shown, text);
    }
}
