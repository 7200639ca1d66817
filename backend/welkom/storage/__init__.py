"""Where uploaded files live: a :class:`~welkom.storage.ports.Storage` port and its adapters."""
