"""The one translation of a recognition sample into what the face store keeps (backend.face_store.NewSample).

A sample comes from the stream (an enrolment's samples, a check-in's learned sample: recognition.stream) or
from a photo (recognition.photos / recognition.samples.photo_sample); ``NewSample.of`` is the store's side.
"""
from __future__ import annotations

from backend.face_store import NewSample
from recognition.samples import stream_sample


def from_stream(sample, source: str = "live") -> NewSample:
    """A sample the stream took of a face (recognition.stream's enrolment or learning): crop, figures,
    embedding."""
    return NewSample.of(stream_sample(sample), sample.embedding, source=source)


def learned_sample(learn) -> NewSample:
    """What the face store keeps of a recognition.stream.LearnedSample (a check-in that teaches the desk)."""
    return from_stream(learn.sample, source="live")


def enrolment_samples(taken) -> list[NewSample]:
    """The samples the enrolment dialog took of a new person."""
    return [from_stream(sample) for sample in taken]


def enroll(backend, face_sync, taken, desk: str = "", **fields):
    """A new person with the samples the stream took of them (the enrolment dialog's Save), in one
    transaction (backend.people_service.enroll_person); ``fields``: person_number, name and the others."""
    from backend import people_service

    return people_service.enroll_person(backend, face_sync, enrolment_samples(taken), desk=desk, **fields)
