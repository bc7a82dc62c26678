"""Built-in rules, one module per family; each module is a plugin with ``mslint_rules``."""
