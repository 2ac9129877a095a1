"""Golden plans: the solver's output on fixed inputs, byte for byte (the gate for refactors)."""
