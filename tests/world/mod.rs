//! The world's organisations through the real binary, on the days their
//! sources count: every enlargement, exit and suspension, the hard cases
//! the sources answer, and each published count explained.

use crate::common::json;

/// The OAU, the AU and ECOWAS (issue 24, part two).
mod africa;

/// ASEAN.
mod asean;

/// The Eurasian record after the outside audit (issue 26): inferred days
/// marked, the CIS's and CICA's chairs and summits, CICA's founders and
/// observers.
mod audit;

/// The Commonwealth.
mod commonwealth;

/// The League of Arab States.
mod las;

/// The OAS.
mod oas;

/// The OIC.
mod oic;

/// OPEC.
mod opec;

/// Organisations as members of organisations (the EU and the AU in the
/// G20).
mod guests;

/// The Council of Europe.
mod coe;

/// The European Union.
mod eu;

/// The G20.
mod g20;

/// NATO (issue 23, part one).
mod nato;

/// The OSCE.
mod osce;

/// The United Nations.
mod un;

/// The ids of a JSON list of states.
pub fn ids(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().map(|s| s.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

/// The holders of `status` in `org` on `day` (by effective date).
pub fn holding(org: &str, day: &str, status: &str) -> Vec<String> {
    let v = json(&["at", day, "--org", org, "--format", "json"]);
    ids(&v["statuses"][status])
}

/// Every published count of `org` is explained by `igo claims`, and
/// there are at least `least` of them.
pub fn claims_explained(org: &str, least: usize) {
    let v = json(&["claims", "--org", org, "--format", "json"]);
    let claims = v.as_array().unwrap();
    assert!(claims.len() >= least, "{org}: {} claims", claims.len());
    for c in claims {
        assert_eq!(c["explained"], true, "{org}: {c}");
    }
}

/// The day before `day` (`YYYY-MM-DD`).
pub fn day_before(day: &str) -> String {
    let d = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
    d.pred_opt().unwrap().to_string()
}

/// Whether `state` holds `status` in `org` on `day`.
pub fn has(org: &str, day: &str, status: &str, state: &str) -> bool {
    holding(org, day, status).contains(&state.to_string())
}

/// The states `at` gives as uncertain, each with its two possible
/// statuses.
pub fn uncertain(org: &str, day: &str) -> Vec<(String, Vec<String>)> {
    let v = json(&["at", day, "--org", org, "--format", "json"]);
    v["uncertain"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let possible = ids(&u["possible"]);
            (u["state"].as_str().unwrap().to_string(), possible)
        })
        .collect()
}
