//! A static interval index over status spans: which spans may contain a
//! given day, in O(log n + k) for k answers.
//!
//! It is the implicit augmented interval tree of Heng Li's cgranges: the
//! intervals sorted by start, an implicit balanced binary tree over that
//! array, each node holding the largest end in its subtree.

/// One interval: `[start, end)` in day numbers, and what it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Interval {
    pub start: i32,
    pub end: i32,
    max: i32,
    pub value: u32,
}

/// The index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct IntervalIndex {
    items: Vec<Interval>,
    max_level: i32,
}

impl IntervalIndex {
    /// Builds the index of `[start, end)` intervals (empty ones are
    /// dropped).
    pub fn new(
        intervals: impl IntoIterator<Item = (i32, i32, u32)>,
    ) -> IntervalIndex {
        let mut items: Vec<Interval> = intervals
            .into_iter()
            .filter(|(s, e, _)| s < e)
            .map(|(start, end, value)| Interval {
                start,
                end,
                max: end,
                value,
            })
            .collect();
        items.sort_by_key(|iv| (iv.start, iv.end, iv.value));
        items.shrink_to_fit();
        let max_level = augment(&mut items);
        IntervalIndex { items, max_level }
    }

    /// Appends to `out` the values of every interval containing `point`.
    pub fn stab(&self, point: i32, out: &mut Vec<u32>) {
        self.overlap(point, point + 1, out);
    }

    /// Appends to `out` the values of every interval overlapping
    /// `[start, end)`.
    pub fn overlap(&self, start: i32, end: i32, out: &mut Vec<u32>) {
        let a = &self.items;
        let n = a.len();
        if n == 0 {
            return;
        }
        // (node, level, left subtree done)
        let mut stack: Vec<(usize, i32, bool)> = Vec::with_capacity(64);
        stack.push(((1usize << self.max_level) - 1, self.max_level, false));
        while let Some((x, k, done)) = stack.pop() {
            if k <= 3 {
                // A small subtree: scan it.
                let i0 = (x >> k) << k;
                let i1 = (i0 + (1usize << (k + 1)) - 1).min(n);
                for iv in &a[i0..i1] {
                    if iv.start >= end {
                        break;
                    }
                    if start < iv.end {
                        out.push(iv.value);
                    }
                }
            } else if !done {
                let y = x - (1usize << (k - 1));
                stack.push((x, k, true));
                if y >= n || a[y].max > start {
                    stack.push((y, k - 1, false));
                }
            } else if x < n && a[x].start < end {
                if start < a[x].end {
                    out.push(a[x].value);
                }
                stack.push((x + (1usize << (k - 1)), k - 1, false));
            }
        }
    }
}

/// Computes the subtree maxima; returns the tree's top level.
fn augment(a: &mut [Interval]) -> i32 {
    let n = a.len();
    if n == 0 {
        return -1;
    }
    let mut last_i = 0usize;
    let mut last = a[0].end;
    for i in (0..n).step_by(2) {
        last_i = i;
        a[i].max = a[i].end;
        last = a[i].max;
    }
    let mut k = 1;
    while (1usize << k) <= n {
        let x = 1usize << (k - 1);
        let i0 = (x << 1) - 1;
        let step = x << 2;
        let mut i = i0;
        while i < n {
            let el = a[i - x].max;
            let er = if i + x < n { a[i + x].max } else { last };
            a[i].max = a[i].end.max(el).max(er);
            i += step;
        }
        last_i = if (last_i >> k) & 1 != 0 { last_i - x } else { last_i + x };
        if last_i < n && a[last_i].max > last {
            last = a[last_i].max;
        }
        k += 1;
    }
    k - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brute(ivs: &[(i32, i32, u32)], p: i32) -> Vec<u32> {
        let mut v: Vec<u32> = ivs
            .iter()
            .filter(|(s, e, _)| *s <= p && p < *e)
            .map(|t| t.2)
            .collect();
        v.sort();
        v
    }

    #[test]
    fn stabbing_matches_brute_force() {
        // A deterministic pseudo-random set of many sizes.
        let mut seed = 7u64;
        let mut rnd = |n: i32| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as i32).rem_euclid(n)
        };
        for size in [0usize, 1, 2, 3, 7, 8, 9, 16, 17, 100, 1000] {
            let ivs: Vec<(i32, i32, u32)> = (0..size)
                .map(|i| {
                    let s = rnd(1000);
                    (s, s + 1 + rnd(200), i as u32)
                })
                .collect();
            let index = IntervalIndex::new(ivs.clone());
            for p in -5..1250 {
                let mut got = Vec::new();
                index.stab(p, &mut got);
                got.sort();
                assert_eq!(got, brute(&ivs, p), "size {size}, point {p}");
            }
        }
    }
}
