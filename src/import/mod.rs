//! Other datasets as data folders in this crate's format, so that they
//! load, validate and answer the same questions as the bundled data.
//!
//! - [`cow`]: the Correlates of War (COW) IGO v3 state-year file.

mod compare;
pub mod cow;
