This is not a tileset.
Just some notes the designer saved with the wrong name.
