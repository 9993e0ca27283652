package cn.jinguo.docimport;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of 公文导入 ({@code jinguo.doc-import.*}): what a request, a .docx and its text may hold. */
@ConfigMapping(prefix = "jinguo.doc-import")
public interface DocImportConfig {
    /** Largest request body or uploaded file. */
    @WithDefault("20M")
    MemorySize maxSize();

    /** Largest total of a .docx's entries once unpacked: beyond it the file is a zip bomb, not a notice. */
    @WithDefault("50M")
    MemorySize maxUnpacked();

    /** Most entries a .docx may have. */
    @WithDefault("2000")
    int maxEntries();

    /** Longest text read (characters); the longest real notices with attachments are a few tens of thousands. */
    @WithDefault("500000")
    int maxChars();
}
