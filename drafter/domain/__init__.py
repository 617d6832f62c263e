"""Plain domain objects: units, periods, documents, reports and the indicator catalogue."""
