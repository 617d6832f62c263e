"""A report's life on the store, shared by the CLI and the TUI: started from the previous
period (or from the quarters a longer period covers), compared, checked, made final and
reopened."""
