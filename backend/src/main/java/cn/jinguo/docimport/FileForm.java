package cn.jinguo.docimport;

import cn.jinguo.docimport.DocImportService.Source;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The multipart form of the import operations: one file in field {@code file}. */
@Schema(name = "ImportFileForm", description = "上传的公文（.docx 或文本文件）/ the document (.docx or text file)")
public class FileForm {
    @Schema(
            type = SchemaType.STRING,
            format = "binary",
            required = true,
            description = ".docx 或 .txt / a .docx or .txt file")
    public String file;

    static Source source(FileUpload file) {
        return file == null || file.uploadedFile() == null
                ? Source.bytes(null)
                : Source.file(file.uploadedFile(), file.size());
    }
}
