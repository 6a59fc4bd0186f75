-- The search box matches the start of a title, author or series ignoring case and accents ("perez" finds "Pérez").
-- unaccent is an extension not every PostgreSQL has, so the folding is spelled out here: lower(), then Latin accented
-- letters (and capitals lower() may leave alone under a C locale) to their plain letter, then the letters that stand
-- for two. The same tables, in the same order, are FoldedText in the application; a test compares the two.
create function bookshop_fold(value text) returns text
    language sql immutable strict parallel safe
    as $$ select replace(replace(replace(replace(
        translate(lower($1),
            'àÀáÁâÂãÃäÄåÅāĀăĂąĄǎǍçÇćĆĉĈċĊčČďĎđĐðÐèÈéÉêÊëËēĒĕĔėĖęĘěĚĝĜğĞġĠģĢĥĤħĦìÌíÍîÎïÏĩĨīĪĭĬįĮıǐǏĵĴķĶĺĹļĻľĽŀĿłŁñÑńŃņŅňŇŉòÒóÓôÔõÕöÖøØōŌŏŎőŐǒǑŕŔŗŖřŘśŚŝŜşŞšŠșȘţŢťŤŧŦțȚùÙúÚûÛüÜũŨūŪŭŬůŮűŰųŲǔǓŵŴýÝÿŸŷŶźŹżŻžŽÆŒÞẞ',
            'aaaaaaaaaaaaaaaaaaaaccccccccccddddddeeeeeeeeeeeeeeeeeegggggggghhhhiiiiiiiiiiiiiiiiiiijjkkllllllllllnnnnnnnnnoooooooooooooooooooorrrrrrssssssssssttttttttuuuuuuuuuuuuuuuuuuuuuuwwyyyyyyzzzzzzæœþß'),
        'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'), 'þ', 'th') $$;

-- Prefix ranges over the folded keys ("C", so byte order: a range scan needs no locale), active books only, with the
-- title behind the key so a page of suggestions comes in title order straight from the index.
create index products_title_fold_idx on products ((bookshop_fold(title) collate "C"), (title collate "C"), id)
    where active;
create index products_author_fold_idx on products ((bookshop_fold(author) collate "C")) where active;
create index products_series_fold_idx on products ((bookshop_fold(series) collate "C")) where active;
