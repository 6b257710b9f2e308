package io.clientele.deals.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.clientele.deals.DealAttachments;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.files.Download;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A deal's files through the API, with the same access, checks and history as the card:
 * whoever may see the deal may list, add, download and remove its files; anyone else gets
 * 404.
 */
@RestController
@RequestMapping("/api/v1/deals/{id}/attachments")
@Tag(name = "Deals")
class DealAttachmentsApi {

	private final DealAttachments attachments;

	DealAttachmentsApi(DealAttachments attachments) {
		this.attachments = attachments;
	}

	/** A file of a deal. */
	record AttachmentJson(long id, String fileName, String contentType, long size, String uploadedBy,
			Instant uploadedAt) {

		static AttachmentJson of(DealAttachments.Attachment attachment) {
			return new AttachmentJson(attachment.id(), attachment.fileName(), attachment.contentType(),
					attachment.size(), attachment.uploadedBy(), attachment.uploadedAt());
		}

	}

	@GetMapping
	@Operation(summary = "The deal's files, newest first")
	List<AttachmentJson> list(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return attachments.of(id, user).stream().map(AttachmentJson::of).toList();
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Attach a file to the deal",
			description = "Multipart field `file`. Documents (PDF, Word, Excel, PowerPoint, OpenDocument, RTF), "
					+ "images, ZIP archives and text, told by the file's first bytes, not its name; at most "
					+ "`CLIENTELE_ATTACHMENTS_MAX_SIZE` (25 MB by default). An empty, too large, executable or "
					+ "other file is refused with 422 and the reason. Answers 201 with the file.")
	ResponseEntity<AttachmentJson> upload(@PathVariable long id,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@AuthenticationPrincipal CurrentUser user) throws IOException {
		if (file == null) {
			attachments.of(id, user); // a deal the caller cannot see is 404 first
			throw new RuleViolation("file", "attachment.empty");
		}
		long attachment;
		try (InputStream content = file.getInputStream()) {
			attachment = attachments.attach(id, file.getOriginalFilename(), file.getSize(), content, user);
		}
		AttachmentJson created = attachments.of(id, user)
			.stream()
			.filter(a -> a.id() == attachment)
			.map(AttachmentJson::of)
			.findFirst()
			.orElseThrow();
		return ResponseEntity.created(URI.create("/api/v1/deals/" + id + "/attachments/" + attachment)).body(created);
	}

	/**
	 * The file, always as a download under its stored type and a safe name, never to be
	 * shown inline.
	 */
	@GetMapping("/{attachmentId}")
	@Operation(summary = "Download a file of the deal",
			description = "The bytes as they were attached, with `Content-Disposition: attachment` (the original "
					+ "name as RFC 8187 `filename*`, an ASCII fallback as `filename`) and the type told on upload.")
	@ApiResponse(responseCode = "200", description = "The file, as an attachment",
			content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
					schema = @Schema(type = "string", format = "binary")))
	void download(@PathVariable long id, @PathVariable long attachmentId, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) throws IOException {
		DealAttachments.Content content = attachments.open(id, attachmentId, user);
		Download.send(content.fileName(), content.contentType(), content.size(), content.stream(), response);
	}

	@DeleteMapping("/{attachmentId}")
	@Operation(summary = "Remove a file from the deal", description = "The removal is in the deal's history.")
	ResponseEntity<Void> delete(@PathVariable long id, @PathVariable long attachmentId,
			@AuthenticationPrincipal CurrentUser user) {
		attachments.remove(id, attachmentId, user);
		return ResponseEntity.noContent().build();
	}

}
