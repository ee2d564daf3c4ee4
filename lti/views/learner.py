"""Learner page: the micro-credential's standard elements, the learner's progress and their credential."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..progress import progress_of
from ..security import with_launch


@require_GET
@with_launch(staff=False)
def learner(request, launch):
    return render(request, "lti/learner.html", {"launch": launch, "progress": progress_of(launch)})
