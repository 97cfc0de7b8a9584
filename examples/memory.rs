//! Heap used by a loaded graph: peak while loading (parser included) and
//! retained after loading, per transition. A counting allocator wraps the
//! system one.
//!
//! cargo run --release --example memory -- DATA_DIR

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; the
// counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now =
                CURRENT.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(
        &self,
        ptr: *mut u8,
        layout: Layout,
        new_size: usize,
    ) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            let now = CURRENT.fetch_add(new_size, Relaxed) + new_size;
            CURRENT.fetch_sub(layout.size(), Relaxed);
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("give a data folder")?;
    let before = CURRENT.load(Relaxed);
    PEAK.store(before, Relaxed);
    let kg = igo_graph::KnowledgeGraph::load(&dir)?;
    let retained = CURRENT.load(Relaxed) - before;
    let peak = PEAK.load(Relaxed) - before;
    let transitions = kg.transition_count();
    println!(
        "{dir}: {transitions} transitions; heap retained {retained} bytes ({:.0} per transition); peak while loading {peak} bytes ({:.0} per transition)",
        retained as f64 / transitions as f64,
        peak as f64 / transitions as f64
    );
    drop(kg);
    Ok(())
}
