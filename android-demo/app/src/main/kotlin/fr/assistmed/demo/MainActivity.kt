package fr.assistmed.demo

import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import fr.assistmed.demo.ui.AssistmedApp
import fr.assistmed.demo.ui.AssistmedTheme

class MainActivity : ComponentActivity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        enableEdgeToEdge()
        setContent {
            AssistmedTheme {
                AssistmedApp()
            }
        }
    }
}
