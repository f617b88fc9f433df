from django.core.exceptions import ValidationError
from django.db import models


class Verification(models.TextChoices):
    UNVERIFIED = "unverified", "Unverified"
    VERIFIED = "verified", "Verified"
    DISPUTED = "disputed", "Disputed"


class SourcedClaim(models.Model):
    """
    A statement of fact that an editor vouches for, or doesn't. Much of the
    seed text was scraped and never checked, so the default is "unverified"
    and readers are told so.
    """

    source = models.CharField(
        max_length=500,
        blank=True,
        help_text="Where this comes from: a publication, an archive reference or a URL.",
    )
    verification = models.CharField(
        max_length=12,
        choices=Verification.choices,
        default=Verification.UNVERIFIED,
        db_index=True,
    )
    editor_note = models.TextField(
        blank=True,
        help_text="Shown to readers: how it was checked, or why it is disputed.",
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.verification == Verification.VERIFIED and not self.source.strip():
            raise ValidationError({"source": "A verified claim needs a source."})
        if self.verification == Verification.DISPUTED and not self.editor_note.strip():
            raise ValidationError({"editor_note": "Say why this is disputed; readers will see the note."})


def verification_constraint(model_name):
    return models.CheckConstraint(
        condition=models.Q(verification__in=Verification.values),
        name=f"{model_name}_verification_valid",
    )
