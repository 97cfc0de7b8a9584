//! Other datasets as data folders in this crate's format, so that they
//! load, validate and answer the same questions as the bundled data.
//!
//! An importer has one shape: read (the dataset's files, as they stream,
//! within limits), check (the folder it makes is loaded before anything
//! is written), write ([`write_folder`]: the whole folder, or nothing).
//!
//! - [`cow`]: the Correlates of War (COW) IGO v3 state-year file.

mod compare;
pub mod cow;
mod folder;
mod records;
mod signature;

pub use folder::{check_destination, write_folder};
