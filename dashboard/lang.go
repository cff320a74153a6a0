package dashboard

import "github.com/gofiber/fiber/v2"

// lang is the page language: ?lang= for a shared link, else the user's
// choice (cookie / account), else zh-CN.
func (s *Server) lang(c *fiber.Ctx) string {
	if l := c.Query("lang"); l == "en" || l == "zh-CN" {
		return l
	}
	if s.langOf != nil {
		return s.langOf(c)
	}
	if c.Cookies("corridor_lang") == "en" {
		return "en"
	}
	return "zh-CN"
}
