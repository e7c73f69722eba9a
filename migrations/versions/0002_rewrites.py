"""Self-learning: versioned rewrite table, its per-user evidence, and job leases.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

A mining run writes a `building` version and switches it to `active` in one
transaction; readers only ever use the active version. `rewrite_evidence`
lets "forget everything about me" take a user out of every rewrite's support.
`forgotten_users` keeps forgotten users out of the log and the miner.
`job_leases` lets several instances share one schedule: a job runs where it
holds the lease.
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('rewrite_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('source', sa.String(length=200), nullable=True),
    sa.Column('stats', sa.JSON(), nullable=True),
    sa.CheckConstraint("status IN ('building', 'active', 'retired', 'failed')", name=op.f('ck_rewrite_versions_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rewrite_versions'))
    )
    op.create_table('rewrites',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('source_key', sa.String(length=200), nullable=False),
    sa.Column('source_text', sa.Text(), nullable=False),
    sa.Column('target_text', sa.Text(), nullable=False),
    sa.Column('probability', sa.Float(), nullable=False),
    sa.Column('baseline', sa.Float(), nullable=False),
    sa.Column('edges', sa.Integer(), nullable=False),
    sa.Column('users', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('withdrawn_reason', sa.Text(), nullable=True),
    sa.Column('rewritten_ok', sa.Integer(), nullable=False),
    sa.Column('rewritten_failed', sa.Integer(), nullable=False),
    sa.Column('held_out_ok', sa.Integer(), nullable=False),
    sa.Column('held_out_failed', sa.Integer(), nullable=False),
    sa.CheckConstraint("status IN ('active', 'withdrawn')", name=op.f('ck_rewrites_status')),
    sa.ForeignKeyConstraint(['version_id'], ['rewrite_versions.id'], name=op.f('fk_rewrites_version_id_rewrite_versions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rewrites')),
    sa.UniqueConstraint('version_id', 'source_key', name=op.f('uq_rewrites_version_id_source_key'))
    )
    op.create_table('rewrite_evidence',
    sa.Column('rewrite_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.String(length=128), nullable=False),
    sa.ForeignKeyConstraint(['rewrite_id'], ['rewrites.id'], name=op.f('fk_rewrite_evidence_rewrite_id_rewrites'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('rewrite_id', 'user_id', name=op.f('pk_rewrite_evidence'))
    )
    op.create_index(op.f('ix_rewrite_evidence_user_id'), 'rewrite_evidence', ['user_id'], unique=False)
    op.create_table('forgotten_users',
    sa.Column('user_id', sa.String(length=128), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_forgotten_users'))
    )
    op.create_table('job_leases',
    sa.Column('job', sa.String(length=64), nullable=False),
    sa.Column('holder', sa.String(length=128), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_run_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('job', name=op.f('pk_job_leases'))
    )


def downgrade() -> None:
    op.drop_table('job_leases')
    op.drop_table('forgotten_users')
    op.drop_index(op.f('ix_rewrite_evidence_user_id'), table_name='rewrite_evidence')
    op.drop_table('rewrite_evidence')
    op.drop_table('rewrites')
    op.drop_table('rewrite_versions')
