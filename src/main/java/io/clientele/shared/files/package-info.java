/**
 * Tabular files streamed in and out (CSV and XLSX), whatever their encoding and
 * delimiter, for the imports and exports of any module; written cells are neutralised
 * against formula injection.
 */
@NullMarked
package io.clientele.shared.files;

import org.jspecify.annotations.NullMarked;
