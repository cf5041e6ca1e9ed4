"""A synthetic installation for benchmarks: `samverka synth` (see generator.py)."""
