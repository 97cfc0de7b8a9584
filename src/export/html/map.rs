//! The explorer's world map: Natural Earth's countries (public domain, 1:50m,
//! version 4.1.0), as the npm package `world-atlas` 2.0.2 redistributes
//! them in TopoJSON (`world/countries-50m.json`, ISC licence), projected
//! here once, at export, into one SVG path per country.
//!
//! The projection is equirectangular, from 58° south to 84° north
//! (Antarctica is left out), rounded to whole units of a 1,920 by 757
//! view box: the file is about 300 KB and the page only colours it. A
//! country whose shape rounds to nothing (Tuvalu, Nauru) is drawn as a dot.
//!
//! Each shape names the state of the data it is drawn for: by its ISO
//! 3166-1 numeric code (`crate::countries`), or by name for the three
//! shapes Natural Earth gives no code (Kosovo is `XKX`; Northern Cyprus
//! and Somaliland are drawn as parts of Cyprus and Somalia, the states the
//! organisations of this data count them in). A shape of no state in the
//! data (Greenland, Puerto Rico, New Caledonia) is drawn without colour.

use serde::Serialize;
use serde_json::Value;

use crate::error::{DiagnosticKind, Error};
use crate::graph::KnowledgeGraph;
use crate::model::StateId;

const TOPOLOGY: &str = include_str!("world/countries-50m.json");

/// The view box's width; the height follows from the latitudes kept.
const WIDTH: f64 = 1920.0;
const NORTH: f64 = 84.0;
const SOUTH: f64 = -58.0;

/// The map: every country's shape, in the view box `0 0 width height`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WorldMap {
    /// The view box's width.
    pub width: u32,
    /// Its height.
    pub height: u32,
    /// Every shape, by Natural Earth's name.
    pub shapes: Vec<Shape>,
}

/// One country of Natural Earth.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Shape {
    /// Natural Earth's name (`Dem. Rep. Congo`).
    pub name: String,
    /// The state of the data it is drawn for, if any.
    pub state: Option<StateId>,
    /// Its outline, an SVG path (empty for a dot).
    pub d: String,
    /// Where to draw a dot for a country too small to see.
    pub dot: Option<(i32, i32)>,
}

fn bad(what: &str) -> Error {
    Error::msg(DiagnosticKind::Export, format!("the world map: {what}"))
}

/// Projects a quantized TopoJSON position to whole view-box units.
fn project(lon: f64, lat: f64) -> (i32, i32) {
    let k = WIDTH / 360.0;
    let x = (lon + 180.0) * k;
    let y = (NORTH - lat.clamp(SOUTH, NORTH)) * k;
    (x.round() as i32, y.round() as i32)
}

/// The arcs, decoded (delta-encoded, quantized) and projected.
fn arcs(topo: &Value) -> Result<Vec<Vec<(i32, i32)>>, Error> {
    let t = &topo["transform"];
    let num = |v: &Value| v.as_f64().ok_or_else(|| bad("a number expected"));
    let (sx, sy) = (num(&t["scale"][0])?, num(&t["scale"][1])?);
    let (tx, ty) = (num(&t["translate"][0])?, num(&t["translate"][1])?);
    let list = topo["arcs"].as_array().ok_or_else(|| bad("no arcs"))?;
    let mut out = Vec::with_capacity(list.len());
    for arc in list {
        let (mut x, mut y) = (0.0, 0.0);
        let mut points = Vec::new();
        for p in arc.as_array().ok_or_else(|| bad("an arc"))? {
            x += num(&p[0])?;
            y += num(&p[1])?;
            points.push(project(x * sx + tx, y * sy + ty));
        }
        out.push(points);
    }
    Ok(out)
}

/// A ring's points, from its arcs (a negative index is an arc reversed).
fn ring(arcs: &[Vec<(i32, i32)>], indices: &Value) -> Vec<(i32, i32)> {
    let mut out: Vec<(i32, i32)> = Vec::new();
    for i in indices.as_array().into_iter().flatten() {
        let Some(i) = i.as_i64() else { continue };
        let (index, reversed) =
            if i < 0 { ((!i) as usize, true) } else { (i as usize, false) };
        let Some(arc) = arcs.get(index) else { continue };
        let mut points = arc.clone();
        if reversed {
            points.reverse();
        }
        // Each arc after the first starts where the last one ended.
        let skip = usize::from(!out.is_empty());
        out.extend(points.into_iter().skip(skip));
    }
    out.dedup();
    out
}

/// Appends a ring as relative path commands; false if it rounds to less
/// than a triangle.
fn path(d: &mut String, ring: &[(i32, i32)]) -> bool {
    use std::fmt::Write;
    if ring.len() < 4 {
        return false;
    }
    let (mut x, mut y) = ring[0];
    let _ = write!(d, "M{x} {y}");
    let mut broken = false;
    for &(px, py) in &ring[1..] {
        // A ring across the 180th meridian (Russia, Fiji) jumps from one
        // edge to the other: a new subpath, not a line across the world,
        // and left open, so that no closing line crosses it either.
        if (px - x).abs() > WIDTH as i32 / 2 {
            let _ = write!(d, "M{px} {py}");
            broken = true;
        } else {
            let _ = write!(d, "l{} {}", px - x, py - y);
        }
        (x, y) = (px, py);
    }
    if !broken {
        d.push('z');
    }
    true
}

/// The state a Natural Earth shape is drawn for.
fn state_of(
    kg: &KnowledgeGraph,
    id: Option<&str>,
    name: &str,
) -> Option<StateId> {
    let alpha3 = match (id.and_then(|i| i.parse::<u16>().ok()), name) {
        (Some(n), _) => crate::countries::by_numeric(n)?.alpha3,
        (None, "Kosovo") => "XKX",
        (None, "N. Cyprus") => "CYP",
        (None, "Somaliland") => "SOM",
        (None, _) => return None,
    };
    kg.state(alpha3).map(|s| s.id.clone())
}

/// The map, its shapes tied to the states of `kg`.
///
/// # Errors
///
/// The bundled topology cannot be read (it can: a test reads it).
pub fn world(kg: &KnowledgeGraph) -> Result<WorldMap, Error> {
    let topo: Value =
        serde_json::from_str(TOPOLOGY).map_err(|e| bad(&e.to_string()))?;
    let arcs = arcs(&topo)?;
    let geometries = topo["objects"]["countries"]["geometries"]
        .as_array()
        .ok_or_else(|| bad("no countries"))?;
    let mut shapes = Vec::new();
    for g in geometries {
        let id = g["id"].as_str();
        let name = g["properties"]["name"].as_str().unwrap_or_default();
        if id == Some("010") {
            continue; // Antarctica
        }
        let polygons: Vec<&Value> = match g["type"].as_str() {
            Some("Polygon") => vec![&g["arcs"]],
            Some("MultiPolygon") => {
                g["arcs"].as_array().into_iter().flatten().collect()
            }
            _ => continue,
        };
        let mut d = String::new();
        let mut all = Vec::new();
        for polygon in polygons {
            for indices in polygon.as_array().into_iter().flatten() {
                let r = ring(&arcs, indices);
                path(&mut d, &r);
                all.extend(r);
            }
        }
        let dot = tiny(&all, d.is_empty());
        shapes.push(Shape {
            name: name.to_string(),
            state: state_of(kg, id, name),
            d: if dot.is_some() { String::new() } else { d },
            dot,
        });
    }
    shapes.sort_by(|a, b| a.name.cmp(&b.name));
    let height = ((NORTH - SOUTH) * WIDTH / 360.0).round() as u32;
    Ok(WorldMap { width: WIDTH as u32, height, shapes })
}

/// The centre of a shape smaller than three units each way, or of one
/// with no `outline` left (a dot marks it), else `None`.
fn tiny(points: &[(i32, i32)], no_outline: bool) -> Option<(i32, i32)> {
    let xs = points.iter().map(|p| p.0);
    let ys = points.iter().map(|p| p.1);
    let (x0, x1) = (xs.clone().min()?, xs.max()?);
    let (y0, y1) = (ys.clone().min()?, ys.max()?);
    let small = x1 - x0 < 3 && y1 - y0 < 3;
    (small || no_outline).then_some(((x0 + x1) / 2, (y0 + y1) / 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_current_member_of_the_un_is_drawn() {
        let kg = KnowledgeGraph::bundled();
        let map = world(&kg).unwrap();
        let drawn: std::collections::BTreeSet<&str> = map
            .shapes
            .iter()
            .filter_map(|s| s.state.as_ref().map(|s| s.as_str()))
            .collect();
        let un = kg
            .snapshot(
                "UN",
                "2024-01-01".parse().unwrap(),
                crate::Basis::Effective,
            )
            .unwrap();
        let missing: Vec<&str> = un
            .members
            .iter()
            .map(|s| s.as_str())
            .filter(|s| !drawn.contains(s))
            .collect();
        assert!(missing.len() <= 8, "not drawn: {missing:?}");
        assert!(drawn.contains("XKX") && drawn.contains("TWN"));
        let france = map.shapes.iter().find(|s| s.name == "France").unwrap();
        assert!(france.d.starts_with('M') && france.dot.is_none());
        assert!(map.shapes.iter().all(|s| !s.d.is_empty() || s.dot.is_some()));
    }
}
