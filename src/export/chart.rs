//! An SVG chart of the family's size over time: one stacked band per
//! status of the organisation's own vocabulary, with its own labels,
//! stepping on the days statuses changed (the certain counts of
//! [`Counts`](crate::Counts), as `igo at` gives them), each band labelled
//! where it is widest, and the summits marked on the time axis.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::Write;

use super::{Options, xml_escape as esc};
use crate::date::Date;
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::model::{Basis, Organization, Status};
use crate::query::Timeline;

const W: f64 = 960.0;
const H: f64 = 520.0;
const LEFT: f64 = 60.0;
const RIGHT: f64 = 130.0;
const TOP: f64 = 70.0;
const BOTTOM: f64 = 80.0;

fn days(d: Date) -> f64 {
    let f = d.first_day();
    // Days since 1970-01-01 by the proleptic Gregorian calendar.
    let (y, m, dd) = (
        f.year() as i64,
        f.month().unwrap_or(1) as i64,
        f.day().unwrap_or(1) as i64,
    );
    let (y, m) = if m <= 2 { (y - 1, m + 12) } else { (y, m) };
    (365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + dd
        - 719_469) as f64
}

/// Writes the chart, from the organisation's founding to the day asked
/// about ([`Options::date`], else [`Options::today`]) or its dissolution,
/// whichever is first: the counts and labels are that day's (none, on a
/// day before the founding).
///
/// # Errors
///
/// An unknown organisation, no day given, or the writer fails.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::{Options, chart};
///
/// let kg = KnowledgeGraph::bundled();
/// let mut out = Vec::new();
/// chart::write(&kg, &Options::new("SCO").at("2026-01-01".parse()?), &mut out)?;
/// let svg = String::from_utf8(out)?;
/// assert!(svg.starts_with("<svg"));
/// assert!(svg.contains("members 10"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write<W: Write>(
    kg: &KnowledgeGraph,
    opts: &Options,
    mut out: W,
) -> Result<(), Error> {
    let org = kg.resolve_organization(&opts.organization)?;
    let timeline = kg.timeline(org.id.as_str(), opts.basis)?;
    let day = opts.day()?;
    // The chart ends on the day asked about (or on the dissolution), so
    // no count drawn or labelled is later than that day; its time axis
    // runs at least through the founding year.
    let last = org.dissolved.map_or(day, |d| d.first_day().min(day));
    let start = Date::from_ymd(org.founded.year(), 1, 1).expect("valid day");
    let end = last.max(org.founded.first_day());
    let steps = steps(kg, org, &timeline, (opts.basis, last));
    let max = steps
        .iter()
        .map(|(_, c)| c.iter().sum::<usize>())
        .max()
        .unwrap_or(1)
        .max(1);
    let frame = Frame {
        x0: days(start),
        x1: days(end).max(days(start) + 1.0),
        ymax: max.div_ceil(5) * 5,
        // With steps only on or before `last`, a step ends there at the
        // latest, and `last` is `end` whenever there is a step.
        end: last,
    };
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="Helvetica, Arial, sans-serif">"#
    );
    let _ = writeln!(s, r#"  <rect width="{W}" height="{H}" fill="white"/>"#);
    let _ = writeln!(
        s,
        r#"  <text x="{LEFT}" y="30" font-size="20" font-weight="bold">{}: the family's size, {}–{}</text>"#,
        esc(&org.name),
        start.year(),
        end.year()
    );
    let _ = writeln!(
        s,
        r##"  <text x="{LEFT}" y="52" font-size="13" fill="#555">States holding each status, by {} date, up to {last}; a state whose status is uncertain (a month- or year-only date, a dispute) is in no band.</text>"##,
        opts.basis
    );
    grid(&mut s, &frame);
    for (k, status) in org.statuses.iter().enumerate() {
        band(&mut s, &frame, &steps, (k, *status));
    }
    // The family's total after the last change.
    if let Some((_, c)) = steps.last() {
        let total: usize = c.iter().sum();
        let _ = writeln!(
            s,
            r#"  <text x="{:.1}" y="{:.1}" font-size="13">family {total}</text>"#,
            W - RIGHT + 6.0,
            frame.y(total as f64) + 4.0
        );
    }
    time_axis(&mut s, &frame, start.year(), end.year());
    summits(&mut s, &frame, kg, org);
    let _ = writeln!(s, "</svg>");
    out.write_all(s.as_bytes())?;
    Ok(())
}

/// The chart's coordinates: days from `x0` to `x1` across, 0 to `ymax`
/// states up; the last day drawn is `end`.
struct Frame {
    x0: f64,
    x1: f64,
    ymax: usize,
    end: Date,
}

impl Frame {
    fn x(&self, d: Date) -> f64 {
        LEFT + (days(d) - self.x0) / (self.x1 - self.x0) * (W - LEFT - RIGHT)
    }

    fn y(&self, n: f64) -> f64 {
        H - BOTTOM - n / self.ymax as f64 * (H - TOP - BOTTOM)
    }
}

/// Steps: (day, counts per status) from each day on which the counts may
/// change (the first and the last day of each change's date: an imprecise
/// date opens a window of uncertainty and closes it) up to `last`, whose
/// counts end the chart and label it. The counts are `igo at`'s.
fn steps(
    kg: &KnowledgeGraph,
    org: &Organization,
    timeline: &Timeline,
    (basis, last): (Basis, Date),
) -> Vec<(Date, Vec<usize>)> {
    let mut days: BTreeSet<Date> = BTreeSet::new();
    for e in &timeline.events {
        days.insert(e.earliest);
        days.insert(e.latest);
    }
    if !timeline.events.is_empty() {
        days.insert(last);
    }
    let mut steps: Vec<(Date, Vec<usize>)> = Vec::new();
    for day in days.into_iter().filter(|d| *d <= last) {
        let after = kg.counts_on(org, day, basis);
        let c: Vec<usize> =
            org.statuses.iter().map(|s| after.of(*s)).collect();
        if steps.last().is_none_or(|(_, prev)| *prev != c) {
            steps.push((day, c));
        }
    }
    steps
}

/// Grid and y axis.
fn grid(s: &mut String, f: &Frame) {
    for n in (0..=f.ymax).step_by(5) {
        let yy = f.y(n as f64);
        let _ = writeln!(
            s,
            r##"  <line x1="{LEFT}" y1="{yy:.1}" x2="{:.1}" y2="{yy:.1}" stroke="#e5e5e5"/>"##,
            W - RIGHT
        );
        let _ = writeln!(
            s,
            r#"  <text x="{:.1}" y="{:.1}" font-size="12" text-anchor="end">{n}</text>"#,
            LEFT - 6.0,
            yy + 4.0
        );
    }
}

/// The band of status `k`: the polygon between the stacked counts below
/// it and below plus its own, stepping at each change, and its label.
fn band(
    s: &mut String,
    f: &Frame,
    steps: &[(Date, Vec<usize>)],
    (k, status): (usize, Status),
) {
    const COLORS: [&str; 6] =
        ["#6baed6", "#74c476", "#fd8d3c", "#9e9ac8", "#fdd0a2", "#c7e9c0"];
    let next = |i: usize| steps.get(i + 1).map_or(f.end, |n| n.0);
    let mut upper = Vec::new();
    let mut lower = Vec::new();
    for (i, (d, c)) in steps.iter().enumerate() {
        let below: usize = c[..k].iter().sum();
        let top = below + c[k];
        upper.push((f.x(*d), f.y(top as f64)));
        upper.push((f.x(next(i)), f.y(top as f64)));
        lower.push((f.x(*d), f.y(below as f64)));
        lower.push((f.x(next(i)), f.y(below as f64)));
    }
    if steps.iter().all(|(_, c)| c[k] == 0) {
        return;
    }
    let mut points: Vec<String> =
        upper.iter().map(|(a, b)| format!("{a:.1},{b:.1}")).collect();
    points.extend(lower.iter().rev().map(|(a, b)| format!("{a:.1},{b:.1}")));
    let _ = writeln!(
        s,
        r#"  <polygon points="{}" fill="{}" stroke="white" stroke-width="0.5"><title>{}</title></polygon>"#,
        points.join(" "),
        COLORS[k % COLORS.len()],
        status.plural()
    );
    // A band still present at the end is labelled to the right of the
    // chart; one that ended, inside its longest wide stretch.
    let last = steps.last().expect("steps is not empty");
    if last.1[k] > 0 {
        let below: usize = last.1[..k].iter().sum();
        let mid_y = f.y(below as f64 + last.1[k] as f64 / 2.0) + 4.0;
        let _ = writeln!(
            s,
            r#"  <text x="{:.1}" y="{mid_y:.1}" font-size="13" font-weight="bold">{} {}</text>"#,
            W - RIGHT + 6.0,
            status.plural(),
            last.1[k]
        );
        return;
    }
    let widest = steps.iter().map(|(_, c)| c[k]).max().unwrap_or(0);
    let len = |i: usize| f.x(next(i)) - f.x(steps[i].0);
    let best = steps
        .iter()
        .enumerate()
        .filter(|(_, (_, c))| f.y(0.0) - f.y(c[k] as f64) >= 18.0)
        .max_by(|a, b| len(a.0).total_cmp(&len(b.0)));
    if let Some((i, (d, c))) = best {
        let below: usize = c[..k].iter().sum();
        let mid_y = f.y(below as f64 + c[k] as f64 / 2.0) + 4.0;
        let mid_x = (f.x(*d) + f.x(next(i))) / 2.0;
        let _ = writeln!(
            s,
            r#"  <text x="{mid_x:.1}" y="{mid_y:.1}" font-size="13" text-anchor="middle" font-weight="bold">{} (up to {})</text>"#,
            status.plural(),
            widest
        );
    }
}

/// Time axis: a tick a year, a label every other year.
fn time_axis(s: &mut String, f: &Frame, first: i32, last: i32) {
    let axis_y = H - BOTTOM;
    let _ = writeln!(
        s,
        r#"  <line x1="{LEFT}" y1="{axis_y}" x2="{:.1}" y2="{axis_y}" stroke="black"/>"#,
        W - RIGHT
    );
    for year in first..=last {
        let xx = f.x(Date::from_ymd(year, 1, 1).expect("valid day"));
        let _ = writeln!(
            s,
            r#"  <line x1="{xx:.1}" y1="{axis_y}" x2="{xx:.1}" y2="{:.1}" stroke="black"/>"#,
            axis_y + 5.0
        );
        if (year - first) % 2 == 0 {
            let _ = writeln!(
                s,
                r#"  <text x="{xx:.1}" y="{:.1}" font-size="12" text-anchor="middle">{year}</text>"#,
                axis_y + 20.0
            );
        }
    }
}

/// The meetings of the organisation's summit body, marked under the time
/// axis, with a legend in its words (none without summits).
fn summits(
    s: &mut String,
    f: &Frame,
    kg: &KnowledgeGraph,
    org: &Organization,
) {
    let axis_y = H - BOTTOM;
    let all = kg.summits(org.id.as_str());
    if all.is_empty() {
        return;
    }
    for summit in all {
        let Some(day) = summit.handover_day() else { continue };
        if day > f.end {
            continue;
        }
        let _ = writeln!(
            s,
            r##"  <path d="M{:.1},{:.1} l-5,9 l10,0 z" fill="#cb181d"><title>{}: {}</title></path>"##,
            f.x(day),
            axis_y + 28.0,
            esc(&summit.city),
            summit.days()
        );
    }
    let _ = writeln!(
        s,
        r##"  <text x="{LEFT}" y="{:.1}" font-size="12" fill="#cb181d">▲ {}</text>"##,
        H - 14.0,
        esc(&org.summit_meetings())
    );
}
