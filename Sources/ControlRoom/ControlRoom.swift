// `ControlRoom` module; see docs and DESIGN.md.
