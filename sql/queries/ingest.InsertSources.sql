-- New versions of sources rows, every column, as one batch: the engine
-- writes the block whole or not at all, so a commit and the replacement it
-- makes land together.
INSERT INTO sources
