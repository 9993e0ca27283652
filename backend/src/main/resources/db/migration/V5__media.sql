-- Media: images are re-encoded at upload (their pixels, thumbnail and display size recorded), and large files
-- (videos) arrive through resumable upload sessions.

-- Width and height of a re-encoded image (upright); the store keys of its JPEG thumbnail and, for images larger
-- than the display size, of its JPEG display size. NULL for other files.
ALTER TABLE stored_file
    ADD COLUMN width         int CHECK (width > 0),
    ADD COLUMN height        int CHECK (height > 0),
    ADD COLUMN thumbnail_key varchar(200),
    ADD COLUMN preview_key   varchar(200);

-- A resumable upload: declared first, then filled chunk by chunk at increasing offsets (the bytes live in a part
-- file next to the store, not here); file_id is set when the last byte arrived and the file was stored.
CREATE TABLE upload_session (
    id             uuid PRIMARY KEY,
    org_id         bigint       NOT NULL REFERENCES org(id),
    created_by     varchar(100) NOT NULL,
    file_name      varchar(255) NOT NULL,
    claimed_type   varchar(100),
    size_bytes     bigint       NOT NULL CHECK (size_bytes > 0),
    received_bytes bigint       NOT NULL DEFAULT 0,
    file_id        bigint REFERENCES stored_file(id),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    expires_at     timestamptz  NOT NULL,
    CONSTRAINT upload_session_received CHECK (received_bytes >= 0 AND received_bytes <= size_bytes)
);
-- The scheduled cleanup of stale sessions.
CREATE INDEX upload_session_expiry_idx ON upload_session (expires_at);
-- How many unfinished uploads one person holds (a cap).
CREATE INDEX upload_session_open_idx ON upload_session (created_by) WHERE file_id IS NULL;
