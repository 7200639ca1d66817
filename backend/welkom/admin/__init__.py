"""The caseworkers' admin API: residents, conversations and signals."""
