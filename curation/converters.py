class UnicodeSlugConverter:
    """
    Like Django's `slug`, but letters of any script: taggit gives the tag
    "Донбасс" the slug "донбасс", and its theme page must be reachable.
    """

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
