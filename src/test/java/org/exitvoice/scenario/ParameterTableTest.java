package org.exitvoice.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The key catalogue behind {@code exitvoice params} and the ODD table. */
class ParameterTableTest {
    @Test
    void keysFollowRecordOrder() {
        List<String> keys = ParameterTable.rows().stream().map(ParameterTable.Row::key).toList();
        assertEquals(List.of("start", "days", "seed", "scale", "data.regions", "data.routes"), keys.subList(0, 6));
        assertEquals("events", keys.get(keys.size() - 1));
        assertTrue(keys.containsAll(List.of("draft.target", "draft.maxAge", "draft.misclassification", "draft.quotaSkew",
                "enforcement.intensity", "exitList.from", "exitList.delayDays", "exitList.coverage",
                "protest.policePer1000", "protest.menShare", "emigration.familyPerEmigrant")), "the levers model.md names");
    }

    @Test
    void everyKeyIsDocumented() {
        for (ParameterTable.Row row : ParameterTable.rows()) {
            assertNotNull(row.param(), "no @Param on " + row.key());
            assertTrue(!row.param().doc().isBlank(), "no doc on " + row.key());
        }
    }

    @Test
    void markdownListsRangeDefaultAndUnit() {
        String md = ParameterTable.markdown();
        assertTrue(md.startsWith("| Key | Type | Range | Default | Unit | Meaning | Source |\n"), md);
        String row = md.lines().filter(l -> l.startsWith("| `draft.misclassification` |")).findFirst().orElseThrow();
        assertTrue(row.startsWith("| `draft.misclassification` | number | [0, 1] | 0.1 |"), row);
        String target = md.lines().filter(l -> l.startsWith("| `draft.target` |")).findFirst().orElseThrow();
        assertTrue(target.startsWith("| `draft.target` | integer | >= 0 | 300000 | men |"), target);
        assertTrue(md.contains("| `exitList.from` | date |  | none |"), md);
        assertEquals(ParameterTable.rows().size() + 2, md.lines().count());
        assertEquals(md, ParameterTable.markdown(), "deterministic");
    }

    @Test
    void plainTextIsAligned() {
        List<String> lines = ParameterTable.text().lines().toList();
        int typeColumn = lines.get(0).indexOf("TYPE");
        String row = lines.stream().filter(l -> l.startsWith("draft.misclassification ")).findFirst().orElseThrow();
        assertEquals("number", row.substring(typeColumn, typeColumn + 6));
    }
}
