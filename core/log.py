"""Log records that say what happened in one line, where a traceback would only repeat it."""

import logging


class WithoutTraceback(logging.Filter):
    """
    Drop the traceback from a record whose message already says everything:
    a request with a bad Host header is a scanner's routine, not a bug, and a
    traceback for each one buries the log lines that matter.
    """

    def filter(self, record):
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True
