//! A value made at once, or kept encoded in the bundle until first asked
//! for: each state, each organisation's facts and the sources of the
//! bundled data are slots, so that starting decodes none of them.

use std::sync::OnceLock;

/// A value, or the bytes it is made of when first asked for.
#[derive(Clone, Debug)]
pub(crate) struct Slot<T> {
    /// Boxed: a slot is small, so that the maps of thousands of them
    /// are built without moving whole states around.
    value: OnceLock<Box<T>>,
    /// The bundled bytes, for a value not made yet.
    encoded: &'static [u8],
}

impl<T> Slot<T> {
    /// A slot holding `value`.
    pub fn new(value: T) -> Slot<T> {
        Slot { value: OnceLock::from(Box::new(value)), encoded: &[] }
    }

    /// A slot whose value is made of `bytes` by the first
    /// [`Slot::get`].
    pub fn encoded(bytes: &'static [u8]) -> Slot<T> {
        Slot { value: OnceLock::new(), encoded: bytes }
    }

    /// The value, made of the encoded bytes by `make` if this is the
    /// first call.
    pub fn get(&self, make: impl FnOnce(&'static [u8]) -> T) -> &T {
        self.value.get_or_init(|| Box::new(make(self.encoded)))
    }

    /// The value, if made.
    pub fn made(&self) -> Option<&T> {
        self.value.get().map(|v| &**v)
    }
}
