//! Other datasets as data folders in this crate's format, so that they
//! load, validate and answer the same questions as the bundled data.
//!
//! An importer has one shape: read (the dataset's files, as they stream,
//! within limits), check (the folder it makes is loaded before anything
//! is written), write.
//!
//! - [`cow`]: the Correlates of War (COW) IGO v3 state-year file.

mod compare;
pub mod cow;
mod records;
mod signature;
