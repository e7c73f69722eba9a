"""Online rewriting: versioned indexes of requests that succeeded, per user and for everyone.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

The index job writes a `building` version and switches it to `active` in
one transaction (like the rewrite table), so a running assistant never reads
half an index. Each row keeps its embedding so the next build re-embeds only
new requests.
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('online_index_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('stats', sa.JSON(), nullable=True),
    sa.CheckConstraint("status IN ('building', 'active', 'retired', 'failed')", name=op.f('ck_online_index_versions_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_online_index_versions'))
    )
    op.create_table('online_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('layer', sa.String(length=8), nullable=False),
    sa.Column('user_id', sa.String(length=128), nullable=True),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('intent', sa.String(length=64), nullable=True),
    sa.Column('entities', sa.JSON(), nullable=False),
    sa.Column('turns', sa.Integer(), nullable=False),
    sa.Column('users', sa.Integer(), nullable=False),
    sa.Column('success_rate', sa.Float(), nullable=False),
    sa.Column('last_at', sa.Float(), nullable=False),
    sa.Column('vector', sa.LargeBinary(), nullable=False),
    sa.CheckConstraint("layer IN ('personal', 'global')", name=op.f('ck_online_requests_layer')),
    sa.ForeignKeyConstraint(['version_id'], ['online_index_versions.id'], name=op.f('fk_online_requests_version_id_online_index_versions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_online_requests'))
    )
    with op.batch_alter_table('online_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_online_requests_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_online_requests_version_id_layer_user_id'), ['version_id', 'layer', 'user_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('online_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_online_requests_version_id_layer_user_id'))
        batch_op.drop_index(batch_op.f('ix_online_requests_user_id'))

    op.drop_table('online_requests')
    op.drop_table('online_index_versions')
