"""`jmctl fix`: the corrections that cannot be wrong, made where the values stand."""
