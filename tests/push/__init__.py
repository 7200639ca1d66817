"""A loopback Web Push service for tests (see :mod:`tests.push.service`)."""
