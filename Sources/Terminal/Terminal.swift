// `Terminal` module; see docs and DESIGN.md.
