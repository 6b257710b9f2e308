package io.clientele.deals.web;

import java.io.IOException;
import java.io.InputStream;

import io.clientele.deals.DealAttachments;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.files.Download;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A deal's files: upload from the card, download, remove. */
@Controller
@RequestMapping("/deals/{id}/attachments")
class DealAttachmentPages {

	private final DealAttachments attachments;

	DealAttachmentPages(DealAttachments attachments) {
		this.attachments = attachments;
	}

	@PostMapping
	String upload(@PathVariable long id, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("failure", "attachment.empty");
			attachments.of(id, user);
			return "redirect:/deals/" + id;
		}
		try (InputStream content = file.getInputStream()) {
			attachments.attach(id, file.getOriginalFilename(), file.getSize(), content, user);
			redirect.addFlashAttribute("notice", "attachment.added");
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
			redirect.addFlashAttribute("failureArgs", violation.arguments());
		}
		return "redirect:/deals/" + id + "#attachments";
	}

	/**
	 * The file, always as a download (never shown inline, so an HTML or SVG file cannot
	 * run in the application's origin), under its stored type and a safe name.
	 */
	@GetMapping("/{attachmentId}")
	void download(@PathVariable long id, @PathVariable long attachmentId, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) throws IOException {
		DealAttachments.Content content = attachments.open(id, attachmentId, user);
		Download.send(content.fileName(), content.contentType(), content.size(), content.stream(), response);
	}

	@PostMapping("/{attachmentId}/delete")
	String delete(@PathVariable long id, @PathVariable long attachmentId, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		attachments.remove(id, attachmentId, user);
		redirect.addFlashAttribute("notice", "attachment.removed");
		return "redirect:/deals/" + id + "#attachments";
	}

}
