//! The same comparison over generated data folders.
