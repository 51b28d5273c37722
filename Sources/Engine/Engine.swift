// `Engine` module; see docs and DESIGN.md.
