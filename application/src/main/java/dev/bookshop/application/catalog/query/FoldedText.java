package dev.bookshop.application.catalog.query;

import java.util.Locale;

/**
 * The key a search box matches on: lower case with the accents of Latin letters removed ("Pérez" and "PEREZ" both
 * fold to "perez", "Straße" to "strasse"), so a reader need not type the accents a name is written with. The database
 * adapters index the SQL function {@code bookshop_fold(text)} of migration V8, which applies the same two tables in
 * the same order; the adapters' tests compare the two over every letter here.
 */
public final class FoldedText {

    /** Each letter of {@link #ACCENTED} becomes the letter at the same place in {@link #PLAIN}. */
    public static final String ACCENTED =
            "àÀáÁâÂãÃäÄåÅāĀăĂąĄǎǍçÇćĆĉĈċĊčČďĎđĐðÐèÈéÉêÊëËēĒĕĔėĖęĘěĚĝĜğĞġĠģĢĥĤħĦìÌíÍîÎïÏĩĨīĪĭĬįĮıǐǏĵĴķĶĺĹļĻľĽŀĿłŁñÑńŃņŅňŇŉòÒóÓôÔõÕöÖøØōŌŏŎőŐǒǑŕŔŗŖřŘśŚŝŜşŞšŠșȘţŢťŤŧŦțȚùÙúÚûÛüÜũŨūŪŭŬůŮűŰųŲǔǓŵŴýÝÿŸŷŶźŹżŻžŽÆŒÞẞ";

    public static final String PLAIN =
            "aaaaaaaaaaaaaaaaaaaaccccccccccddddddeeeeeeeeeeeeeeeeeegggggggghhhhiiiiiiiiiiiiiiiiiiijjkkllllllllllnnnnnnnnnoooooooooooooooooooorrrrrrssssssssssttttttttuuuuuuuuuuuuuuuuuuuuuuwwyyyyyyzzzzzzæœþß";

    /** Letters that stand for two, replaced after the table above (which turns their capitals into these). */
    public static final String[][] DIGRAPHS = {{"ß", "ss"}, {"æ", "ae"}, {"œ", "oe"}, {"þ", "th"}};

    private FoldedText() {}

    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int at = ACCENTED.indexOf(c);
            folded.append(at < 0 ? c : PLAIN.charAt(at));
        }
        String result = folded.toString();
        for (String[] digraph : DIGRAPHS) {
            result = result.replace(digraph[0], digraph[1]);
        }
        return result;
    }
}
