"""Schema 1: the whole data model of a Claimline project.

Articles and their relations, suggestions with provenance, claims and their
labels, events with fuzzy dates, claim-event links, alignments, settings and
the change history. Marks the file as a Claimline project (application_id).

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.schema import APPLICATION_ID

revision: str = "0001"
down_revision: str | None = None
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("reference_date", sa.Date(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_sha256", sa.String(length=64), nullable=False),
        sa.Column("char_count", sa.Integer(), nullable=False),
        sa.Column("word_count", sa.Integer(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("source_format", sa.String(length=16), nullable=False),
        sa.Column("import_notes", sa.JSON(), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("text_sha256", name=op.f("uq_articles_text_sha256")),
        sa.UniqueConstraint("uid", name=op.f("uq_articles_uid")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("subject_type", sa.String(length=32), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_changes")),
    )
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.create_index("ix_changes_subject", ["subject_type", "subject_id"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("participants", sa.JSON(), nullable=False),
        sa.Column("date_phrase", sa.Text(), nullable=True),
        sa.Column("timex_type", sa.String(length=16), nullable=True),
        sa.Column("timex_value", sa.String(length=64), nullable=True),
        sa.Column("timex_mod", sa.String(length=32), nullable=True),
        sa.Column("edtf", sa.String(length=64), nullable=True),
        sa.Column("earliest", sa.Date(), nullable=True),
        sa.Column("latest", sa.Date(), nullable=True),
        sa.Column("anchor_date", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "earliest IS NULL OR latest IS NULL OR earliest <= latest",
            name=op.f("ck_events_bounds"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("uid", name=op.f("uq_events_uid")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_earliest", ["earliest"], unique=False)

    op.create_table(
        "labels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("color", sa.String(length=9), nullable=False),
        sa.Column("shortcut", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_labels")),
        sa.UniqueConstraint("name", name=op.f("uq_labels_name")),
        sa.UniqueConstraint("shortcut", name=op.f("uq_labels_shortcut")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "article_relations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint("article_id <> other_id", name=op.f("ck_article_relations_not_self")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_relations_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["other_id"],
            ["articles.id"],
            name=op.f("fk_article_relations_other_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_relations")),
        sa.UniqueConstraint("article_id", "other_id", "kind", name="uq_article_relations_triple"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("article_relations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_article_relations_other_id"), ["other_id"], unique=False
        )

    op.create_table(
        "event_tags",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_tags_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "tag", name=op.f("pk_event_tags")),
    )
    with op.batch_alter_table("event_tags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_tags_tag"), ["tag"], unique=False)

    op.create_table(
        "suggestions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=64), nullable=False),
        sa.Column("attributes", sa.JSON(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("pipeline", sa.Text(), nullable=False),
        sa.Column("pipeline_version", sa.String(length=32), nullable=False),
        sa.Column("component", sa.String(length=64), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "status IN ('open', 'accepted', 'rejected')", name=op.f("ck_suggestions_status")
        ),
        sa.CheckConstraint('start >= 0 AND "end" >= start', name=op.f("ck_suggestions_span")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_suggestions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestions")),
        sa.UniqueConstraint("article_id", "fingerprint", name="uq_suggestions_fingerprint"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("suggestions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_suggestions_article_kind_status", ["article_id", "kind", "status"], unique=False
        )

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("claimant", sa.Text(), nullable=True),
        sa.Column("certainty", sa.String(length=16), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("from_suggestion_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint('start >= 0 AND "end" > start', name=op.f("ck_claims_span")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_claims_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["from_suggestion_id"],
            ["suggestions.id"],
            name=op.f("fk_claims_from_suggestion_id_suggestions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
        sa.UniqueConstraint("uid", name=op.f("uq_claims_uid")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index("ix_claims_article_start", ["article_id", "start"], unique=False)

    op.create_table(
        "alignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_a_id", sa.Integer(), nullable=False),
        sa.Column("article_b_id", sa.Integer(), nullable=False),
        sa.Column("a_start", sa.Integer(), nullable=True),
        sa.Column("a_end", sa.Integer(), nullable=True),
        sa.Column("b_start", sa.Integer(), nullable=True),
        sa.Column("b_end", sa.Integer(), nullable=True),
        sa.Column("claim_a_id", sa.Integer(), nullable=True),
        sa.Column("claim_b_id", sa.Integer(), nullable=True),
        sa.Column("relation", sa.String(length=16), nullable=False),
        sa.Column("differences", sa.JSON(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("aligner", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "status IN ('proposed', 'confirmed', 'rejected')", name=op.f("ck_alignments_status")
        ),
        sa.ForeignKeyConstraint(
            ["article_a_id"],
            ["articles.id"],
            name=op.f("fk_alignments_article_a_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["article_b_id"],
            ["articles.id"],
            name=op.f("fk_alignments_article_b_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["claim_a_id"],
            ["claims.id"],
            name=op.f("fk_alignments_claim_a_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["claim_b_id"],
            ["claims.id"],
            name=op.f("fk_alignments_claim_b_id_claims"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alignments")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("alignments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_alignments_article_b_id"), ["article_b_id"], unique=False
        )
        batch_op.create_index("ix_alignments_pair", ["article_a_id", "article_b_id"], unique=False)

    op.create_table(
        "claim_event_links",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_claim_event_links_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_claim_event_links_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", "event_id", name=op.f("pk_claim_event_links")),
    )
    with op.batch_alter_table("claim_event_links", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_claim_event_links_event_id"), ["event_id"], unique=False
        )

    op.create_table(
        "claim_labels",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("label_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_claim_labels_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["label_id"],
            ["labels.id"],
            name=op.f("fk_claim_labels_label_id_labels"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", "label_id", name=op.f("pk_claim_labels")),
    )
    with op.batch_alter_table("claim_labels", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_labels_label_id"), ["label_id"], unique=False)

    op.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    op.execute("PRAGMA user_version = 1")


def downgrade() -> None:
    with op.batch_alter_table("claim_labels", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_labels_label_id"))

    op.drop_table("claim_labels")
    with op.batch_alter_table("claim_event_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_event_links_event_id"))

    op.drop_table("claim_event_links")
    with op.batch_alter_table("alignments", schema=None) as batch_op:
        batch_op.drop_index("ix_alignments_pair")
        batch_op.drop_index(batch_op.f("ix_alignments_article_b_id"))

    op.drop_table("alignments")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_article_start")

    op.drop_table("claims")
    with op.batch_alter_table("suggestions", schema=None) as batch_op:
        batch_op.drop_index("ix_suggestions_article_kind_status")

    op.drop_table("suggestions")
    with op.batch_alter_table("event_tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_tags_tag"))

    op.drop_table("event_tags")
    with op.batch_alter_table("article_relations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_relations_other_id"))

    op.drop_table("article_relations")
    op.drop_table("settings")
    op.drop_table("labels")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_earliest")

    op.drop_table("events")
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_index("ix_changes_subject")

    op.drop_table("changes")
    op.drop_table("articles")
    op.execute("PRAGMA user_version = 0")
