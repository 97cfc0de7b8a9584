//! An SVG chart of the family's size over time: one stacked band per
//! status (members, observers, dialogue partners, partners) stepping on
//! the days statuses changed, each band labelled where it is widest, and
//! the Council of Heads of State meetings marked on the time axis.

use std::fmt::Write as _;
use std::io::Write;

use super::{Options, xml_escape as esc};
use crate::date::Date;
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::model::Status;

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

/// Writes the chart.
///
/// # Errors
///
/// An unknown organisation, or the writer fails.
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
    let today = opts.day()?;
    let start = Date::from_ymd(org.founded.year(), 1, 1).expect("valid day");
    let end_year = org.dissolved.map_or(today.year(), |d| d.year());
    let end = Date::from_ymd(end_year, 12, 31).expect("valid day");
    let (x0, x1) = (days(start), days(end));
    let x = |d: Date| LEFT + (days(d) - x0) / (x1 - x0) * (W - LEFT - RIGHT);
    // Steps: (date, counts per status) after each day's changes.
    let mut steps: Vec<(Date, [usize; 4])> = Vec::new();
    for e in &timeline.events {
        let c = [
            e.after.members,
            e.after.observers,
            e.after.dialogue_partners,
            e.after.partners,
        ];
        match steps.last_mut() {
            Some(last) if last.0 == e.date => last.1 = c,
            _ => steps.push((e.date, c)),
        }
    }
    let max = steps
        .iter()
        .map(|(_, c)| c.iter().sum::<usize>())
        .max()
        .unwrap_or(1)
        .max(1);
    let ymax = max.div_ceil(5) * 5;
    let y = |n: f64| H - BOTTOM - n / ymax as f64 * (H - TOP - BOTTOM);
    let colors = ["#6baed6", "#74c476", "#fd8d3c", "#9e9ac8"];
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
        end_year
    );
    let _ = writeln!(
        s,
        r##"  <text x="{LEFT}" y="52" font-size="13" fill="#555">States holding each status, by {} date; month- or year-only dates are drawn at their first day.</text>"##,
        opts.basis
    );
    // Grid and y axis.
    for n in (0..=ymax).step_by(5) {
        let yy = y(n as f64);
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
    // Bands: for each status, the polygon between the stacked counts below
    // it and below plus its own, stepping at each change.
    let right_edge = end;
    for (k, status) in Status::HELD.iter().enumerate() {
        let mut upper = Vec::new();
        let mut lower = Vec::new();
        for (i, (d, c)) in steps.iter().enumerate() {
            let next = steps.get(i + 1).map_or(right_edge, |n| n.0);
            let below: usize = c[..k].iter().sum();
            let top = below + c[k];
            upper.push((x(*d), y(top as f64)));
            upper.push((x(next), y(top as f64)));
            lower.push((x(*d), y(below as f64)));
            lower.push((x(next), y(below as f64)));
        }
        if steps.iter().all(|(_, c)| c[k] == 0) {
            continue;
        }
        let mut points: Vec<String> =
            upper.iter().map(|(a, b)| format!("{a:.1},{b:.1}")).collect();
        points
            .extend(lower.iter().rev().map(|(a, b)| format!("{a:.1},{b:.1}")));
        let _ = writeln!(
            s,
            r#"  <polygon points="{}" fill="{}" stroke="white" stroke-width="0.5"><title>{}</title></polygon>"#,
            points.join(" "),
            colors[k],
            status.plural()
        );
        // A band still present at the end is labelled to the right of the
        // chart; one that ended, inside its longest wide stretch.
        let last = steps.last().expect("steps is not empty");
        if last.1[k] > 0 {
            let below: usize = last.1[..k].iter().sum();
            let mid_y = y(below as f64 + last.1[k] as f64 / 2.0) + 4.0;
            let _ = writeln!(
                s,
                r#"  <text x="{:.1}" y="{mid_y:.1}" font-size="13" font-weight="bold">{} {}</text>"#,
                W - RIGHT + 6.0,
                status.plural(),
                last.1[k]
            );
        } else {
            let widest = steps.iter().map(|(_, c)| c[k]).max().unwrap_or(0);
            let best = steps
                .iter()
                .enumerate()
                .filter(|(_, (_, c))| y(0.0) - y(c[k] as f64) >= 18.0)
                .max_by(|a, b| {
                    let len = |i: usize| {
                        let next =
                            steps.get(i + 1).map_or(right_edge, |n| n.0);
                        x(next) - x(steps[i].0)
                    };
                    len(a.0).total_cmp(&len(b.0))
                });
            if let Some((i, (d, c))) = best {
                let next = steps.get(i + 1).map_or(right_edge, |n| n.0);
                let below: usize = c[..k].iter().sum();
                let mid_y = y(below as f64 + c[k] as f64 / 2.0) + 4.0;
                let mid_x = (x(*d) + x(next)) / 2.0;
                let _ = writeln!(
                    s,
                    r#"  <text x="{mid_x:.1}" y="{mid_y:.1}" font-size="13" text-anchor="middle" font-weight="bold">{} (up to {})</text>"#,
                    status.plural(),
                    widest
                );
            }
        }
    }
    // The family's total after the last change.
    if let Some((_, c)) = steps.last() {
        let total: usize = c.iter().sum();
        let _ = writeln!(
            s,
            r#"  <text x="{:.1}" y="{:.1}" font-size="13">family {total}</text>"#,
            W - RIGHT + 6.0,
            y(total as f64) + 4.0
        );
    }
    // Time axis: a tick a year, a label every other year.
    let axis_y = H - BOTTOM;
    let _ = writeln!(
        s,
        r#"  <line x1="{LEFT}" y1="{axis_y}" x2="{:.1}" y2="{axis_y}" stroke="black"/>"#,
        W - RIGHT
    );
    for year in start.year()..=end_year {
        let xx = x(Date::from_ymd(year, 1, 1).expect("valid day"));
        let _ = writeln!(
            s,
            r#"  <line x1="{xx:.1}" y1="{axis_y}" x2="{xx:.1}" y2="{:.1}" stroke="black"/>"#,
            axis_y + 5.0
        );
        if (year - start.year()) % 2 == 0 {
            let _ = writeln!(
                s,
                r#"  <text x="{xx:.1}" y="{:.1}" font-size="12" text-anchor="middle">{year}</text>"#,
                axis_y + 20.0
            );
        }
    }
    for summit in kg.summits(org.id.as_str()) {
        let Some(day) = summit.handover_day() else { continue };
        if day > end {
            continue;
        }
        let xx = x(day);
        let _ = writeln!(
            s,
            r##"  <path d="M{:.1},{:.1} l-5,9 l10,0 z" fill="#cb181d"><title>{}: {}</title></path>"##,
            xx,
            axis_y + 28.0,
            esc(&summit.city),
            summit.days()
        );
    }
    let _ = writeln!(
        s,
        r##"  <text x="{LEFT}" y="{:.1}" font-size="12" fill="#cb181d">▲ Council of Heads of State meetings</text>"##,
        H - 14.0
    );
    let _ = writeln!(s, "</svg>");
    out.write_all(s.as_bytes())?;
    Ok(())
}
