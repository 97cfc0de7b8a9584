//! An organisation's line: the predecessors it grew out of and the
//! successors that superseded it (the Shanghai Five, then the SCO).

use crate::date::Date;
use crate::graph::KnowledgeGraph;
use crate::model::Organization;

impl KnowledgeGraph {
    /// The organisation of `organization`'s line (its predecessors, else
    /// its successors, nearest first) that existed on `day`, when
    /// `organization` itself did not; `None` when it did, or when none of
    /// its line did.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::KnowledgeGraph;
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// let then = kg.line_on("SCO", "1999-01-01".parse()?).unwrap();
    /// assert_eq!(then.id, "SHANGHAI5");
    /// assert!(kg.line_on("SCO", "2024-02-22".parse()?).is_none());
    /// let later = kg.line_on("SHANGHAI5", "2024-02-22".parse()?).unwrap();
    /// assert_eq!(later.id, "SCO");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn line_on(
        &self,
        organization: &str,
        day: Date,
    ) -> Option<&Organization> {
        let org = self.organization(organization)?;
        if org.existed_on(day) {
            return None;
        }
        let walk = |next: fn(&Organization) -> Option<&str>| {
            let mut seen = vec![org.id.as_str()];
            let mut at = org;
            while let Some(o) = next(at).and_then(|id| self.organization(id)) {
                // A cycle in the data would otherwise never end.
                if seen.contains(&o.id.as_str()) {
                    return None;
                }
                if o.existed_on(day) {
                    return Some(o);
                }
                seen.push(o.id.as_str());
                at = o;
            }
            None
        };
        walk(|o| o.predecessor.as_ref().map(|p| p.as_str()))
            .or_else(|| walk(|o| o.successor.as_ref().map(|s| s.as_str())))
    }
}
