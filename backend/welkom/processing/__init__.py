"""The processing log (Logboek Dataverwerkingen): one record per processing of a person's data."""
