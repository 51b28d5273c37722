// `SimKernel` module; see docs and DESIGN.md.
