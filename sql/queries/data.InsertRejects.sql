-- Keeps an upload's rejects file with its load, for the data page's
-- download link (a batch: the file's content travels as a data block).
INSERT INTO load_rejects (source_id, file_name, content, saved_at)
